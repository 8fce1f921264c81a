//! `check!` declares a check: a unit struct, its static [`crate::check::Meta`] and the
//! [`crate::check::Check`] impl calling the file's `run` function.

macro_rules! check {
    (
        $ty:ident {
            code: $code:literal,
            peer: $peer:expr,
            title: $title:literal,
            area: $area:ident,
            severity: $sev:ident,
            reason: $reason:literal,
            description: $desc:literal,
            remediation: $rem:literal,
            docs: [$($doc:literal),* $(,)?],
            reads: [$($read:ident),* $(,)?] $(,)?
        }
    ) => {
        #[doc = $title]
        #[derive(Debug, Clone, Copy)]
        pub struct $ty;

        static META: $crate::check::Meta = $crate::check::Meta {
            code: $code,
            peer_id: $peer,
            title: $title,
            area: $crate::check::Area::$area,
            severity: deputy_core::Severity::$sev,
            severity_reason: $reason,
            description: $desc,
            remediation: $rem,
            docs: &[$($doc),*],
            reads: &[$($crate::snapshot::SectionId::$read),*],
        };

        impl $crate::check::Check for $ty {
            fn meta(&self) -> &'static $crate::check::Meta {
                &META
            }
            fn run(&self, cx: &mut $crate::check::Cx<'_>) {
                run(cx)
            }
        }
    };
}
