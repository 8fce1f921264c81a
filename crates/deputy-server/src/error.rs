//! Errors as OpenFGA's HTTP API gives them: `{"code": "<enum name>", "message": "…"}` with
//! the status OpenFGA derives from the code.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use deputy_app::AppError;
use deputy_authz::{ErrorCode, FgaError};
use serde_json::json;

/// An error response.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: String,
    message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// A request that does not fit the API's rules (OpenFGA code 2000, HTTP 400).
    pub fn validation(message: impl Into<String>) -> Self {
        FgaError::new(ErrorCode::ValidationError, message).into()
    }

    pub fn not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "undefined_endpoint", "Not Found")
    }

    pub fn unauthenticated(code: &str, message: &str) -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, code, message)
    }
}

impl From<FgaError> for ApiError {
    fn from(e: FgaError) -> Self {
        let status =
            StatusCode::from_u16(e.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        ApiError {
            status,
            code: e.code.name(),
            message: e.message,
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e.fga() {
            Some(fga) => fga.clone().into(),
            None => {
                // Database and other internal failures: the detail goes to the log, not
                // to the caller.
                tracing::error!(error = %e, "request failed");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal_error",
                    "Internal Server Error",
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(json!({ "code": self.code, "message": self.message })),
        )
            .into_response()
    }
}
