//! Deputy: passwordless one-time codes.
use crate::check::{Cx, Status};
use crate::model::Kind;
use crate::snapshot::SectionId;

check!(PasswordlessOtp {
    code: "AUTH0-CONN-006",
    peer: None,
    title: "Passwordless codes are short or long-lived",
    area: Connections,
    severity: Medium,
    reason: "A short or long-lived one-time code can be guessed within its lifetime.",
    description: "For `email` and `sms` connections, reports `options.totp.length` below 6 and `options.totp.time_step` above 600 seconds.",
    remediation: "Use 6-digit codes valid for at most 10 minutes.",
    docs: ["https://auth0.com/docs/authenticate/passwordless"],
    reads: [Connections],
});

fn run(cx: &mut Cx<'_>) {
    let Some(conns) = cx.list(SectionId::Connections) else {
        return;
    };
    cx.each(&conns, Kind::Connection, |cx, c, r| {
        if !matches!(c.str("strategy")?, Some("email" | "sms")) {
            return Ok(());
        }
        let Some(t) = c.obj_or_empty("options")?.obj("totp")? else {
            return Ok(());
        };
        if let Some(l) = t.num("length")?.filter(|l| *l < 6.0) {
            cx.emit(
                Status::Fail,
                r,
                "otp_too_short",
                "options.totp.length",
                Some(l.to_string()),
                format!("connection {} sends {l}-digit codes", r.display()),
            );
        }
        if let Some(s) = t.num("time_step")?.filter(|s| *s > 600.0) {
            cx.emit(
                Status::Fail,
                r,
                "otp_too_long_lived",
                "options.totp.time_step",
                Some(s.to_string()),
                format!("codes of connection {} are valid {s} s", r.display()),
            );
        }
        Ok(())
    });
}
