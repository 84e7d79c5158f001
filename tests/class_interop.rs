//! `gureum class serve` with the real OpenSSH client, through a pty (ignored by default:
//! needs `ssh` and `sftp`; `.ci/run` installs them and runs `--ignored`).
//!
//! Joins with the code, answers, leaves and comes back (the answer is kept), checks the result
//! file, and checks that exec (`ssh … cat /etc/passwd`), forwarding (`-L`, `-R`), `sftp` and
//! a wrong code are refused, each by ssh's account and in the server's event lines.

mod support;

use std::io::{BufRead, BufReader, Read};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use gureum::quiz::interchange::AttemptResult;
use portable_pty::CommandBuilder;
use support::pty::Pty;

const CODE: &str = "4321";

struct Server {
    child: std::process::Child,
    addr: SocketAddr,
    _dir: tempfile::TempDir,
    out: std::path::PathBuf,
    /// The `--headless` event lines so far.
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// Waits (up to 20 s) for an event line containing `text`.
    fn wait_log(&self, text: &str) {
        for _ in 0..200 {
            if self.log().iter().any(|l| l.contains(text)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the server never logged {text:?}: {:?}", self.log());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args([
            "class",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--code",
            CODE,
            "--count",
            "3",
            "--seed",
            "7",
            "--headless",
            "--results",
        ])
        .arg(&out)
        .env("GUREUM_DATA_DIR", dir.path())
        .env("GUREUM_CONFIG_DIR", dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = first.rsplit(' ').next().unwrap().parse().unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    Server {
        child,
        addr,
        _dir: dir,
        out,
        log,
    }
}

/// `program` with options that read no user config and trust the test server's key.
fn client(program: &str, port_flag: &str, server: &Server, rest: &[&str]) -> Pty {
    client_at(program, port_flag, server, "ERROR", rest)
}

/// [`client`] at this ssh log level.
fn client_at(program: &str, port_flag: &str, server: &Server, log: &str, rest: &[&str]) -> Pty {
    let mut cmd = CommandBuilder::new(program);
    let log = format!("LogLevel={log}");
    for a in [
        "-F",
        "/dev/null",
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "PubkeyAuthentication=no",
        "-o",
        &log,
        port_flag,
    ] {
        cmd.arg(a);
    }
    cmd.arg(server.addr.port().to_string());
    for a in rest {
        cmd.arg(a);
    }
    Pty::spawn(cmd, 80, 24)
}

fn ssh(server: &Server, rest: &[&str]) -> Pty {
    client("ssh", "-p", server, rest)
}

fn login(pty: &mut Pty, code: &str) {
    pty.wait_until("the code prompt", |s| {
        s.contains("코드") || s.contains("assword")
    });
    pty.send(format!("{code}\r").as_bytes());
}

fn result(out: &Path, name: &str) -> AttemptResult {
    AttemptResult::from_json(&std::fs::read_to_string(out.join(format!("{name}.json"))).unwrap())
        .unwrap()
}

#[test]
#[ignore = "needs the OpenSSH client (ssh, sftp); .ci/run installs it and runs --ignored"]
fn openssh_joins_answers_leaves_and_resumes() {
    let server = serve();
    let mut pty = ssh(&server, &["민지@127.0.0.1"]);
    login(&mut pty, CODE);
    pty.wait_for("[1/3]");
    pty.send(b"1\r");
    pty.wait_for("1/3 답함");
    pty.send(b"q");
    pty.wait_exit();
    let first = result(&server.out, "민지");
    assert_eq!(first.answers.len(), 1);

    let mut pty = ssh(&server, &["민지@127.0.0.1"]);
    login(&mut pty, CODE);
    pty.wait_for("1/3 답함");
    pty.wait_for("[2/3]");
    pty.send(b"\x03");
    pty.wait_exit();
    assert_eq!(result(&server.out, "민지").answers, first.answers);

    let report = std::process::Command::new(env!("CARGO_BIN_EXE_gureum"))
        .arg("report")
        .arg(server.out.join("민지.json"))
        .output()
        .unwrap();
    assert!(report.status.success());
}

// Each refusal is its own test (and its own server), so one failing cannot hide another.

#[test]
#[ignore = "needs the OpenSSH client (ssh, sftp); .ci/run installs it and runs --ignored"]
fn openssh_exec_is_refused() {
    let server = serve();
    let mut pty = ssh(&server, &["minji@127.0.0.1", "cat", "/etc/passwd"]);
    login(&mut pty, CODE);
    let status = pty.wait_exit();
    assert!(!status.success());
    assert!(!pty.screen().contains("root:"), "{}", pty.screen());
    server.wait_log("minji: 명령 실행(exec) 거절");
}

#[test]
#[ignore = "needs the OpenSSH client (ssh, sftp); .ci/run installs it and runs --ignored"]
fn openssh_remote_forwarding_is_refused() {
    let server = serve();
    // ExitOnForwardFailure makes ssh say so and exit when the server refuses `-R`.
    let mut pty = ssh(
        &server,
        &[
            "-o",
            "ExitOnForwardFailure=yes",
            "-N",
            "-R",
            "0:127.0.0.1:22",
            "minji@127.0.0.1",
        ],
    );
    login(&mut pty, CODE);
    let status = pty.wait_exit();
    assert!(!status.success(), "{}", pty.screen());
    server.wait_log("minji: 포트 포워딩 거절");
}

#[test]
#[ignore = "needs the OpenSSH client (ssh, sftp); .ci/run installs it and runs --ignored"]
fn openssh_local_forwarding_is_refused() {
    let server = serve();
    // With `-N -L` ssh asks the server nothing until a connection comes into the local port:
    // only then does it open a direct-tcpip channel, and the server refuses it. ssh reports
    // that at log level INFO ("channel N: open failed: administratively prohibited").
    let free = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let spec = format!("{free}:127.0.0.1:{}", server.addr.port());
    let mut pty = client_at(
        "ssh",
        "-p",
        &server,
        "INFO",
        &["-N", "-L", &spec, "minji@127.0.0.1"],
    );
    login(&mut pty, CODE);
    let mut stream = None;
    for _ in 0..100 {
        if let Ok(s) = TcpStream::connect(("127.0.0.1", free)) {
            stream = Some(s);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut stream = stream.expect("ssh never opened the local port");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut got = Vec::new();
    let _ = stream.read_to_end(&mut got);
    // The tunnel would lead to the class server itself, which greets with "SSH-2.0-…".
    assert!(got.is_empty(), "the tunnel carried {got:?}");
    pty.wait_until("ssh reporting the refused channel", |s| {
        s.contains("open failed") && s.contains("prohibited")
    });
    server.wait_log("minji: 포트 포워딩 거절");
    pty.signal("KILL");
}

#[test]
#[ignore = "needs the OpenSSH client (ssh, sftp); .ci/run installs it and runs --ignored"]
fn openssh_sftp_is_refused() {
    let server = serve();
    let mut pty = client("sftp", "-P", &server, &["minji@127.0.0.1"]);
    login(&mut pty, CODE);
    let status = pty.wait_exit();
    assert!(!status.success(), "{}", pty.screen());
    server.wait_log("minji: 서브시스템(sftp) 거절");
}

#[test]
#[ignore = "needs the OpenSSH client (ssh, sftp); .ci/run installs it and runs --ignored"]
fn openssh_wrong_code_is_refused() {
    let server = serve();
    // ssh tries keyboard-interactive (the code prompt), then password: both refuse.
    let mut pty = ssh(
        &server,
        &["-o", "NumberOfPasswordPrompts=1", "minji@127.0.0.1"],
    );
    pty.wait_for("수업 코드");
    pty.send(b"0000\r");
    pty.wait_for("'s password");
    pty.send(b"0000\r");
    let status = pty.wait_exit();
    assert!(!status.success());
    assert!(pty.screen().contains("denied"), "{}", pty.screen());
    // Nobody joined.
    assert!(
        !server.log().iter().any(|l| l.contains("입장")),
        "{:?}",
        server.log()
    );
}
