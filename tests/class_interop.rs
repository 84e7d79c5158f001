//! `gureum class serve` with the real OpenSSH client, through a pty (ignored by default:
//! needs `ssh` and `sftp`; `.ci/run` installs them and runs `--ignored`).
//!
//! Joins with the code, answers, leaves and comes back (the answer is kept), checks the result
//! file, and checks that exec (`ssh … cat /etc/passwd`), forwarding (`-L`, `-R`), `sftp` and
//! a wrong code are refused.

mod support;

use std::io::{BufRead, BufReader, Read};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
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
    std::thread::spawn(move || for _ in lines {});
    Server {
        child,
        addr,
        _dir: dir,
        out,
    }
}

/// `program` with options that read no user config and trust the test server's key.
fn client(program: &str, port_flag: &str, server: &Server, rest: &[&str]) -> Pty {
    let mut cmd = CommandBuilder::new(program);
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
        "LogLevel=ERROR",
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

#[test]
#[ignore = "needs the OpenSSH client (ssh, sftp); .ci/run installs it and runs --ignored"]
fn openssh_exec_forwarding_sftp_and_a_wrong_code_are_refused() {
    let server = serve();

    // exec: the command never runs.
    let mut pty = ssh(&server, &["minji@127.0.0.1", "cat", "/etc/passwd"]);
    login(&mut pty, CODE);
    let status = pty.wait_exit();
    assert!(!status.success());
    assert!(!pty.screen().contains("root:"), "{}", pty.screen());

    // -R: the server refuses the remote forward; ExitOnForwardFailure makes ssh say so and exit.
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

    // -L: the local port opens, but the server refuses every channel through it.
    let free = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let spec = format!("{free}:127.0.0.1:{}", server.addr.port());
    let mut pty = ssh(&server, &["-N", "-L", &spec, "minji@127.0.0.1"]);
    login(&mut pty, CODE);
    let mut got = Vec::new();
    for _ in 0..50 {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", free)) {
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let _ = s.read_to_end(&mut got);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        !String::from_utf8_lossy(&got).starts_with("SSH-"),
        "the tunnel reached the server"
    );
    pty.wait_until("open failed", |s| {
        s.contains("open failed") || s.contains("prohibited")
    });
    pty.signal("KILL");

    // sftp: the subsystem is refused.
    let mut pty = client("sftp", "-P", &server, &["minji@127.0.0.1"]);
    login(&mut pty, CODE);
    let status = pty.wait_exit();
    assert!(!status.success());

    // A wrong code: asked again, then refused.
    let mut pty = ssh(
        &server,
        &["-o", "NumberOfPasswordPrompts=1", "minji@127.0.0.1"],
    );
    login(&mut pty, "0000");
    let status = pty.wait_exit();
    assert!(!status.success());
    assert!(pty.screen().contains("denied"), "{}", pty.screen());
}
