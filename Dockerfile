# werkenbij as a container image: a static musl binary on an empty base image.
#
#   docker build -t werkenbij .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/site" werkenbij build
#
# The first stage is the recipe of the release binaries (.github/workflows/release.yml builds the
# same way on each architecture); `docker build --target build .` stops there.

FROM rust:1.89-alpine AS build
# A C compiler and musl's headers for libwebp, which the `webp` crate compiles.
RUN apk add --no-cache build-base
WORKDIR /src
COPY . .
RUN cargo build --release --locked \
 && strip target/release/werkenbij \
 && target/release/werkenbij --version

# Nothing but the binary: werkenbij carries its theme, fonts and time-zone data inside, makes no
# network requests during a build, and needs no shell.
FROM scratch
COPY --from=build /src/target/release/werkenbij /usr/local/bin/werkenbij
WORKDIR /site
ENTRYPOINT ["/usr/local/bin/werkenbij"]
CMD ["build"]
