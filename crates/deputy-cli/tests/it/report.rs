use crate::support::{Deputy, changed_terragoat, terragoat, write_json};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// A project with two terragoat scans (10 fixed and 3 new between them) and one accepted
/// risk.
fn terragoat_project() -> Deputy {
    let deputy = Deputy::sqlite();
    let original = deputy.path("terragoat.json");
    write_json(&original, &terragoat());
    let changed = deputy.path("terragoat-2.json");
    write_json(&changed, &changed_terragoat(10).0);
    for file in [&original, &changed] {
        deputy
            .run(&[
                "import",
                "--project",
                "tg",
                "--format",
                "checkov",
                &file.display().to_string(),
            ])
            .ok();
    }
    let list = deputy
        .run(&[
            "findings",
            "list",
            "--project",
            "tg",
            "--limit",
            "1",
            "--format",
            "json",
        ])
        .ok()
        .json();
    let id = list[0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no finding"))
        .to_string();
    deputy
        .run(&[
            "--actor",
            "alice",
            "findings",
            "accept",
            &id,
            "--until",
            &in_days(60),
            "--reason",
            "tracked in RISK-7",
            "--owner",
            "platform-team",
        ])
        .ok();
    deputy
        .run(&["--actor", "bob", "findings", "approve", &id])
        .ok();
    deputy
}

fn in_days(days: i64) -> String {
    deputy_core::time_fmt::format(time::OffsetDateTime::now_utc() + time::Duration::days(days))
}

fn report(deputy: &Deputy, format: &str) -> (PathBuf, Vec<u8>) {
    let path = deputy.path(&format!("report.{format}"));
    deputy
        .run(&[
            "report",
            "--project",
            "tg",
            "--format",
            format,
            "-o",
            &path.display().to_string(),
        ])
        .ok();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    (path, bytes)
}

#[test]
fn every_format_renders_a_terragoat_scan() {
    let deputy = terragoat_project();
    let json = deputy
        .run(&["report", "--project", "tg", "--format", "json"])
        .ok()
        .json();
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(470));
    assert_eq!(json["comparison"]["counts"]["resolved"], 10);
    assert_eq!(json["accepted_risks"][0]["owner"], "platform-team");
    assert_eq!(json["posture"]["detected"], 470);

    let (_, pdf) = report(&deputy, "pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap_or_else(|e| panic!("pdf text: {e}"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Executive summary",
        "tg",
        "470 findings",
        "CKV_AWS_",
        "aws_s3_bucket",
        "platform-team",
        "Page 1 of",
    ] {
        assert!(
            flat.contains(needle),
            "`{needle}` missing from the PDF's text layer"
        );
    }

    let (_, md) = report(&deputy, "markdown");
    let md = String::from_utf8(md).unwrap_or_default();
    assert!(md.contains("470"), "{md}");
    let (_, conf) = report(&deputy, "confluence");
    assert!(
        String::from_utf8(conf)
            .unwrap_or_default()
            .contains("<table")
    );
    let (_, csv) = report(&deputy, "csv");
    assert_eq!(
        String::from_utf8(csv)
            .unwrap_or_default()
            .matches("\r\n")
            .count(),
        471
    );
    let (_, junit) = report(&deputy, "junit");
    assert!(
        String::from_utf8(junit)
            .unwrap_or_default()
            .contains("<testsuites")
    );

    // Deputy's SARIF imports back into Deputy: the same findings, minus the accepted one.
    let (sarif, _) = report(&deputy, "sarif");
    let back = deputy
        .run(&[
            "import",
            "--project",
            "roundtrip",
            "--format",
            "sarif",
            &sarif.display().to_string(),
            "--output",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(back["run"]["delta"]["new"], 469);
}

#[test]
fn report_arguments_are_checked() {
    let deputy = terragoat_project();
    let r = deputy.run(&["report", "--project", "tg", "--format", "table"]);
    assert_eq!(r.code, 2);
    let r = deputy.run(&[
        "report",
        "--project",
        "tg",
        "-o",
        &deputy.path("x.docx").display().to_string(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("x.docx"), "{}", r.stderr);
    let r = deputy.run(&[
        "report",
        "--project",
        "tg",
        "--scan",
        "99",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("scan 99"), "{}", r.stderr);
    let r = deputy.run(&["report", "--project", "nope", "--format", "json"]);
    assert_eq!(r.code, 2);
    // An explicit comparison.
    let j = deputy
        .run(&[
            "report",
            "--project",
            "tg",
            "--scan",
            "1",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert!(
        j["comparison"].is_null(),
        "the first scan has nothing before it"
    );
    let j = deputy
        .run(&[
            "report",
            "--project",
            "tg",
            "--scan",
            "1",
            "--compare",
            "2",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(j["comparison"]["base"]["id"], 2);
}

/// The chromium binary for browser tests: `DEPUTY_TEST_CHROMIUM`, else `chromium` on PATH.
/// Without one the test says loudly that it was skipped.
fn chromium() -> Option<PathBuf> {
    let explicit = std::env::var("DEPUTY_TEST_CHROMIUM")
        .ok()
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let found = explicit.clone().or_else(|| {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.exists())
    });
    if found.is_none() {
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED: browser test (html report in Chromium): install Debian `chromium` or set DEPUTY_TEST_CHROMIUM ***\n"
        );
    }
    if let (Some(p), Some(_)) = (&explicit, &found) {
        assert!(
            p.exists(),
            "DEPUTY_TEST_CHROMIUM names `{}`, which does not exist",
            p.display()
        );
    }
    found
}

/// Every connection Chromium makes goes to this proxy, which records and refuses it.
struct TrapProxy {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl TrapProxy {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        listener
            .set_nonblocking(true)
            .unwrap_or_else(|e| panic!("{e}"));
        let port = listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_else(|e| panic!("{e}"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen2, stop2) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            // Bounded: the test stops it, and it gives up after a minute regardless.
            for _ in 0..1200 {
                if stop2.load(Ordering::Relaxed) {
                    break;
                }
                match listener.accept() {
                    Ok((mut stream, _)) => {
                        let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
                        let mut buf = [0u8; 2048];
                        let n = stream.read(&mut buf).unwrap_or(0);
                        let first = String::from_utf8_lossy(buf.get(..n).unwrap_or_default())
                            .lines()
                            .next()
                            .unwrap_or_default()
                            .to_owned();
                        if let Ok(mut s) = seen2.lock() {
                            s.push(first);
                        }
                        let _ = stream
                            .write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(50)),
                }
            }
        });
        Self { port, seen, stop }
    }

    /// Requests other than Chromium's own calls home (component updates, network time,
    /// sign-in), which headless Chromium makes whatever page it shows and which no flag
    /// fully silences. A report cannot reach those hosts either: its CSP forbids all loads.
    fn requests(&self) -> Vec<String> {
        const BROWSER_SERVICES: [&str; 4] =
            ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"];
        let host = |line: &str| -> String {
            let target = line.split_whitespace().nth(1).unwrap_or_default();
            let target = target
                .trim_start_matches("http://")
                .trim_start_matches("https://");
            let authority = target.split('/').next().unwrap_or_default();
            authority.split(':').next().unwrap_or_default().to_owned()
        };
        self.seen
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
            .into_iter()
            .filter(|line| {
                let h = host(line);
                !BROWSER_SERVICES
                    .iter()
                    .any(|svc| h == *svc || h.ends_with(&format!(".{svc}")))
            })
            .collect()
    }
}

impl Drop for TrapProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn dump_dom(chromium: &Path, page: &Path, proxy: &TrapProxy, profile: &Path) -> String {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-domain-reliability",
            "--no-first-run",
            "--no-pings",
            "--metrics-recording-only",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--proxy-server=http://127.0.0.1:{}", proxy.port))
        .arg("--proxy-bypass-list=<-loopback>")
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", chromium.display()));
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn html_report_loads_in_chromium_without_network_requests() {
    let Some(chromium) = chromium() else { return };
    let deputy = terragoat_project();
    let (page, _) = report(&deputy, "html");
    let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));

    // The trap works: a page that does fetch something is caught.
    let leaky = deputy.path("leaky.html");
    std::fs::write(
        &leaky,
        "<html><body><img src=\"http://example.test/pixel.png\">leaky</body></html>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let proxy = TrapProxy::start();
    let dom = dump_dom(&chromium, &leaky, &proxy, profile.path());
    assert!(dom.contains("leaky"));
    assert!(
        proxy.requests().iter().any(|r| r.contains("example.test")),
        "the trap saw {:?}",
        proxy.requests()
    );
    drop(proxy);

    let proxy = TrapProxy::start();
    let dom = dump_dom(&chromium, &page, &proxy, profile.path());
    assert!(
        dom.contains("tg") && dom.contains("CKV_"),
        "the report did not render"
    );
    assert!(dom.contains("<svg"), "charts are inline SVG");
    assert_eq!(
        proxy.requests(),
        Vec::<String>::new(),
        "the report made network requests"
    );
}
