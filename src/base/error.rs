//! Failures of the environment rather than of the content: I/O, templates, a bad output folder.
//! Each stops the run and names the path it concerns.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot access `{}`: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("template `{name}`: {message}")]
    Template { name: String, message: String },
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
    #[error("cannot process image `{}`: {message}", path.display())]
    Image { path: PathBuf, message: String },
    /// A bug: a thread of the build panicked.
    #[error("internal error: {message}; nothing was written, the previous output is untouched")]
    Internal { message: String },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn usage(message: impl Into<String>, hint: Option<&str>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: hint.map(str::to_owned),
        }
    }

    /// Tera nests the real cause (the line, the unknown variable) in its source chain.
    pub fn template(name: &str, error: &tera::Error) -> Self {
        let mut message = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        Error::Template {
            name: name.to_owned(),
            message,
        }
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            Error::Usage { hint, .. } => hint.as_deref(),
            Error::Internal { .. } => {
                Some("this is a bug in werkenbij; please report it with the message above")
            }
            _ => None,
        }
    }
}
