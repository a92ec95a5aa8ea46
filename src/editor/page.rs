//! `admin/index.html`: loads the editor (the pinned script with its hash, or the site's own copy),
//! styles its preview with the theme's CSS, and refuses to save a photo without its description.
//! Every address is relative, so the editor works under any `base_url` path.

use crate::base::xml::escape;
use crate::content::config::SiteConfig;
use crate::content::editor::EditorConfig;

use super::{DECAP_INTEGRITY, DECAP_URL};

pub(super) fn html(config: &SiteConfig, editor: &EditorConfig) -> String {
    let language = config.language;
    let script = match &editor.script {
        // From `admin/` to the file of `static/`.
        Some(path) => format!(
            r#"<script src="../{}"></script>"#,
            escape(path.trim_start_matches('/'))
        ),
        None => format!(
            r#"<script src="{DECAP_URL}" integrity="{DECAP_INTEGRITY}" crossorigin="anonymous"></script>"#
        ),
    };
    let title = crate::text!("Editor", "Redactie").get(language).to_owned();
    let name = escape(&config.organization.name);
    let missing_alt = crate::text!(
        "Describe the photo: fill in “{label}” for those who cannot see it.",
        "Beschrijf de foto: vul “{label}” in, voor wie hem niet kan zien.",
        label = "{label}"
    );
    let missing_alt = serde_json::to_string(missing_alt.get(language)).unwrap_or_default();
    let image_alt = serde_json::to_string(
        crate::content::help::of(crate::content::help::STORY, "image_alt").label(language),
    )
    .unwrap_or_default();
    let photo_alt = serde_json::to_string(
        crate::content::help::of(crate::content::help::AMBASSADOR, "photo_alt").label(language),
    )
    .unwrap_or_default();
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>{title} · {name}</title>
</head>
<body>
{script}
<script>
(function () {{
  if (!window.CMS) return;
  CMS.registerPreviewStyle("../css/werkenbij.css");
  var h = window.h, createClass = window.createClass;
  CMS.registerPreviewTemplate("stories", createClass({{
    render: function () {{
      var data = this.props.entry.get("data");
      var photo = data.get("image") ? this.props.getAsset(data.get("image")) : null;
      return h("article", {{ className: "story" }},
        h("header", {{ className: "story-header wrap narrow" }},
          h("p", {{ className: "eyebrow" }}, [data.get("role"), data.get("department"), data.get("location")].filter(Boolean).join(" · ")),
          h("h1", {{}}, data.get("title")),
          data.get("summary") ? h("p", {{ className: "lead" }}, data.get("summary")) : null),
        photo ? h("figure", {{ className: "story-photo wrap" }}, h("img", {{ src: photo.toString(), alt: data.get("image_alt") || "" }})) : null,
        h("div", {{ className: "wrap narrow" }},
          data.get("quote") ? h("blockquote", {{ className: "pull-quote" }}, h("p", {{}}, data.get("quote"))) : null,
          h("div", {{ className: "prose" }}, this.props.widgetFor("body"))));
    }}
  }}));
  // The build refuses a photo without a description; say so before saving, not in CI.
  var pairs = {{ stories: ["image", "image_alt", {image_alt}], ambassadors: ["photo", "photo_alt", {photo_alt}] }};
  CMS.registerEventListener({{
    name: "preSave",
    handler: function (event) {{
      var entry = event.entry, pair = pairs[entry.get("collection")];
      var data = entry.get("data");
      if (pair && data.get(pair[0]) && !String(data.get(pair[1]) || "").trim()) {{
        throw new Error({missing_alt}.replace("{{label}}", pair[2]));
      }}
      return data;
    }}
  }});
}})();
</script>
</body>
</html>
"#,
        lang = language.code(),
    )
}
