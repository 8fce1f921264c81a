//! OpenFGA's error codes. The numbers are OpenFGA's, so conformance tests and HTTP clients
//! see the same codes an OpenFGA server would give.

use serde::Serialize;

/// An OpenFGA error code (`openfga/v1` `ErrorCode`, `InternalErrorCode`, `NotFoundErrorCode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    ValidationError,
    AuthorizationModelNotFound,
    AuthorizationModelResolutionTooComplex,
    InvalidWriteInput,
    CannotAllowDuplicateTuplesInOneRequest,
    CannotAllowDuplicateTypesInOneRequest,
    CannotAllowMultipleReferencesToOneRelation,
    InvalidContinuationToken,
    InvalidTupleSet,
    InvalidCheckInput,
    InvalidExpandInput,
    UnsupportedUserSet,
    InvalidObjectFormat,
    WriteFailedDueToInvalidInput,
    AuthorizationModelAssertionsNotFound,
    LatestAuthorizationModelNotFound,
    TypeNotFound,
    RelationNotFound,
    EmptyRelationDefinition,
    InvalidUser,
    InvalidTuple,
    UnknownRelation,
    StoreIdInvalidLength,
    AssertionsTooManyItems,
    IdTooLong,
    InvalidAuthorizationModel,
    InvalidContextualTuple,
    DuplicateContextualTuple,
    ThrottledTimeoutError,
    InternalError,
    DeadlineExceeded,
    StoreIdNotFound,
    UndefinedEndpoint,
}

impl ErrorCode {
    /// The numeric code.
    pub fn code(self) -> u32 {
        use ErrorCode::*;
        match self {
            ValidationError => 2000,
            AuthorizationModelNotFound => 2001,
            AuthorizationModelResolutionTooComplex => 2002,
            InvalidWriteInput => 2003,
            CannotAllowDuplicateTuplesInOneRequest => 2004,
            CannotAllowDuplicateTypesInOneRequest => 2005,
            CannotAllowMultipleReferencesToOneRelation => 2006,
            InvalidContinuationToken => 2007,
            InvalidTupleSet => 2008,
            InvalidCheckInput => 2009,
            InvalidExpandInput => 2010,
            UnsupportedUserSet => 2011,
            InvalidObjectFormat => 2012,
            WriteFailedDueToInvalidInput => 2017,
            AuthorizationModelAssertionsNotFound => 2018,
            LatestAuthorizationModelNotFound => 2020,
            TypeNotFound => 2021,
            RelationNotFound => 2022,
            EmptyRelationDefinition => 2023,
            InvalidUser => 2025,
            InvalidTuple => 2027,
            UnknownRelation => 2028,
            StoreIdInvalidLength => 2030,
            AssertionsTooManyItems => 2033,
            IdTooLong => 2034,
            InvalidAuthorizationModel => 2056,
            InvalidContextualTuple => 2054,
            DuplicateContextualTuple => 2055,
            ThrottledTimeoutError => 3500,
            InternalError => 4000,
            DeadlineExceeded => 4004,
            StoreIdNotFound => 5002,
            UndefinedEndpoint => 5000,
        }
    }

    /// The HTTP status OpenFGA answers with for this code.
    pub fn http_status(self) -> u16 {
        match self.code() {
            1000..=1999 => 401,
            2000..=3499 => 400,
            3500..=3999 => 422,
            4000..=4999 => 500,
            _ => 404,
        }
    }

    /// The enum name OpenFGA puts in an error body's `code`.
    pub fn name(self) -> String {
        let json = serde_json::to_value(self).ok();
        json.and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// An error with its OpenFGA code and a message for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FgaError {
    pub code: ErrorCode,
    pub message: String,
}

impl FgaError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_names_and_statuses() {
        assert_eq!(
            ErrorCode::AuthorizationModelResolutionTooComplex.code(),
            2002
        );
        assert_eq!(
            ErrorCode::AuthorizationModelResolutionTooComplex.name(),
            "authorization_model_resolution_too_complex"
        );
        assert_eq!(ErrorCode::InvalidTuple.http_status(), 400);
        assert_eq!(ErrorCode::StoreIdNotFound.http_status(), 404);
        assert_eq!(ErrorCode::InternalError.http_status(), 500);
    }
}
