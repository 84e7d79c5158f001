//! `gureum class serve` over SSH, driven by a russh client (nothing installed needed): join
//! with the code, answer, drop and come back, the result file, and everything refused.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use gureum::class::dashboard::{Command, apply};
use gureum::class::server::{self, ClassClock, Limits, Shared};
use gureum::class::{Class, Event, Refused, Spec};
use gureum::lesson::{ContentSource, Library};
use gureum::quiz::interchange::AttemptResult;
use gureum::quiz::session::{Filter, draw};
use gureum::quiz::{Bank, BankSource, Kind};
use russh::ChannelMsg;
use russh::client::{self, Handle};

const CODE: &str = "4321";

struct Client;

impl client::Handler for Client {
    type Error = russh::Error;
    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A class of 5 single-answer questions (seed 7), running, saving into `dir`.
async fn start(dir: &Path, limits: Limits) -> (std::net::SocketAddr, Arc<Shared>) {
    let bank = Bank::load(&BankSource::Embedded);
    let items = draw(&bank, &Filter::default(), usize::MAX, 7)
        .into_iter()
        .filter(|i| bank.entries[i.entry].question.kind == Kind::Single)
        .take(5)
        .collect();
    let class = Class::new(Spec {
        exam_or_quiz: "class".into(),
        seed: 7,
        items,
        minutes: 10,
        max_students: 10,
    });
    let shared = Arc::new(Shared::new(
        class,
        Arc::new(bank),
        Arc::new(Library::load(&ContentSource::Embedded)),
        CODE.into(),
        Some(dir.to_path_buf()),
        limits.clone(),
        ClassClock::new(Instant::now(), gureum::clock::now()),
    ));
    apply(&shared, &Command::Start, Instant::now());
    let key =
        russh::keys::PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519).unwrap();
    let config = Arc::new(server::config(key, &limits));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(server::serve(shared.clone(), listener, config));
    (addr, shared)
}

async fn connect(addr: std::net::SocketAddr, user: &str, code: &str) -> (Handle<Client>, bool) {
    let config = Arc::new(client::Config::default());
    let mut handle = client::connect(config, addr, Client).await.unwrap();
    let ok = handle
        .authenticate_password(user, code)
        .await
        .is_ok_and(|r| r.success());
    (handle, ok)
}

/// An open shell with a screen emulator.
struct Shell {
    channel: russh::Channel<client::Msg>,
    screen: vt100::Parser,
}

impl Shell {
    async fn open(handle: &Handle<Client>) -> Shell {
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(true, "xterm", 80, 24, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        Shell {
            channel,
            screen: vt100::Parser::new(
                std::num::NonZeroU16::new(24).unwrap(),
                std::num::NonZeroU16::new(80).unwrap(),
                0,
            ),
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads until the screen shows `needle` (panics after 10 s with the screen).
    async fn wait_for(&mut self, needle: &str) {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while !self.text().contains(needle) {
            let msg = tokio::time::timeout_at(deadline, self.channel.wait()).await;
            match msg {
                Ok(Some(ChannelMsg::Data { data })) => self.screen.process(&data),
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => panic!("never saw {needle:?}; screen:\n{}", self.text()),
            }
        }
    }

    async fn send(&self, bytes: &[u8]) {
        self.channel.data_bytes(bytes.to_vec()).await.unwrap();
    }
}

fn read_result(dir: &Path, name: &str) -> AttemptResult {
    let text = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
    AttemptResult::from_json(&text).unwrap()
}

async fn until(mut f: impl FnMut() -> bool) {
    for _ in 0..200 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("condition never became true");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn join_answer_drop_and_resume_with_the_answer_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (addr, shared) = start(dir.path(), Limits::default()).await;
    let (handle, ok) = connect(addr, "민지", CODE).await;
    assert!(ok, "the class code is accepted");
    let mut shell = Shell::open(&handle).await;
    shell.wait_for("[1/5]").await;
    assert!(shell.text().contains("민지"));
    // Choice 1 as this student sees it, then Enter.
    shell.send(b"1").await;
    shell.send(b"\r").await;
    shell.wait_for("1/5 답함").await;
    shell.wait_for("[2/5]").await;

    let (entry, order) = {
        let class = shared.lock();
        let items = gureum::class::state::items_for(&class.spec.items, 7, "민지");
        (items[0].entry, items[0].order.clone())
    };
    let q = &shared.bank.entries[entry].question;
    let saved = read_result(dir.path(), "민지");
    assert_eq!(saved.student, "민지");
    assert_eq!(saved.exam_or_quiz, "class");
    assert_eq!(saved.seed, Some(7));
    assert_eq!(saved.answers.len(), 1);
    assert_eq!(saved.answers[0].question, q.id);
    assert_eq!(
        saved.answers[0].chosen,
        vec![q.choices[order[0]].id.clone()]
    );
    assert_eq!(
        saved.answers[0].correct,
        q.correct_ids() == vec![q.choices[order[0]].id.as_str()]
    );

    // Drop the connection without a goodbye.
    drop(shell);
    handle
        .disconnect(russh::Disconnect::ByApplication, "", "")
        .await
        .unwrap();
    until(|| shared.lock().connected() == 0).await;

    let (handle, ok) = connect(addr, "민지", CODE).await;
    assert!(ok);
    let mut shell = Shell::open(&handle).await;
    // Resumes on the first open question, with the answer counted.
    shell.wait_for("1/5 답함").await;
    shell.wait_for("[2/5]").await;
    shell.send(b"\x1b[D").await;
    shell.wait_for("[1/5]").await;
    shell.wait_for("답을 저장했어요").await;
    // Answering again changes nothing.
    shell.send(b"2\r").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(read_result(dir.path(), "민지").answers, saved.answers);
    assert_eq!(shared.lock().students.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_code_is_refused_and_keyboard_interactive_works() {
    let dir = tempfile::tempdir().unwrap();
    let (addr, _shared) = start(dir.path(), Limits::default()).await;
    let (_, ok) = connect(addr, "minji", "0000").await;
    assert!(!ok, "a wrong code is refused");

    let config = Arc::new(client::Config::default());
    let mut handle = client::connect(config, addr, Client).await.unwrap();
    let reply = handle
        .authenticate_keyboard_interactive_start("seojun", None)
        .await
        .unwrap();
    let client::KeyboardInteractiveAuthResponse::InfoRequest { prompts, .. } = reply else {
        panic!("expected a prompt, got {reply:?}");
    };
    assert_eq!(prompts.len(), 1);
    let reply = handle
        .authenticate_keyboard_interactive_respond(vec![CODE.into()])
        .await
        .unwrap();
    assert!(
        matches!(reply, client::KeyboardInteractiveAuthResponse::Success),
        "{reply:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_codes_lock_the_address_out() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        max_failures: 3,
        ..Limits::default()
    };
    let (addr, _shared) = start(dir.path(), limits).await;
    for _ in 0..3 {
        let (_, ok) = connect(addr, "x", "wrong").await;
        assert!(!ok);
    }
    let (_, ok) = connect(addr, "x", CODE).await;
    assert!(
        !ok,
        "even the right code is refused for a minute after three wrong ones"
    );
}

/// Waits for a refused request's failure reply; returns what the channel sent meanwhile.
async fn refused(mut channel: russh::Channel<client::Msg>) -> String {
    let mut data = Vec::new();
    let mut failed = false;
    while let Ok(Some(msg)) = tokio::time::timeout(Duration::from_secs(5), channel.wait()).await {
        match msg {
            ChannelMsg::Failure => failed = true,
            ChannelMsg::Success => panic!("the request was accepted"),
            ChannelMsg::Data { data: d } => data.extend_from_slice(&d),
            ChannelMsg::Close => break,
            _ => {}
        }
    }
    assert!(failed, "no failure reply");
    String::from_utf8_lossy(&data).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exec_subsystems_forwarding_and_a_second_session_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (addr, shared) = start(dir.path(), Limits::default()).await;
    let (handle, ok) = connect(addr, "mallory", CODE).await;
    assert!(ok);

    let channel = handle.channel_open_session().await.unwrap();
    channel.exec(true, "cat /etc/passwd").await.unwrap();
    let out = refused(channel).await;
    assert!(!out.contains("root:"), "{out}");

    let (handle, _) = connect(addr, "mallory", CODE).await;
    let channel = handle.channel_open_session().await.unwrap();
    channel.request_subsystem(true, "sftp").await.unwrap();
    refused(channel).await;

    let (handle, _) = connect(addr, "mallory", CODE).await;
    assert!(
        handle
            .channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 5555)
            .await
            .is_err(),
        "ssh -L"
    );
    assert!(
        handle.tcpip_forward("127.0.0.1", 0).await.is_err(),
        "ssh -R"
    );
    let first = handle.channel_open_session().await.unwrap();
    assert!(
        handle.channel_open_session().await.is_err(),
        "one session per connection"
    );
    drop(first);

    // The teacher sees each kind once per connection (a client asking again cannot flood it).
    let mut refusals: Vec<Refused> = shared
        .lock()
        .take_events()
        .into_iter()
        .filter_map(|e| match e {
            Event::Refused { name, what } => {
                assert_eq!(name, "mallory");
                Some(what)
            }
            _ => None,
        })
        .collect();
    refusals.sort_by_key(|r| r.bit());
    assert_eq!(
        refusals,
        [
            Refused::Exec,
            Refused::Subsystem,
            Refused::Forwarding,
            Refused::Session
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_teacher_kicks_a_student_who_cannot_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let (addr, shared) = start(dir.path(), Limits::default()).await;
    let (handle, _) = connect(addr, "Minji", CODE).await;
    let mut shell = Shell::open(&handle).await;
    shell.wait_for("[1/5]").await;
    apply(&shared, &Command::Kick("minji".into()), Instant::now());
    until(|| shared.lock().connected() == 0).await;
    let (handle, ok) = connect(addr, "minji", CODE).await;
    assert!(ok, "auth still works");
    let mut shell = Shell::open(&handle).await;
    shell.wait_for("선생님이 연결을 끊었어요").await;
}

#[test]
fn the_binary_serves_a_class_whose_results_make_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = dir.path().join("out");
    let bin = env!("CARGO_BIN_EXE_gureum");
    let mut child = std::process::Command::new(bin)
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
        .env("GUREUM_DATA_DIR", &data)
        .env("GUREUM_CONFIG_DIR", dir.path().join("config"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let first = lines.next().unwrap().unwrap();
    let addr: std::net::SocketAddr = first.rsplit(' ').next().unwrap().parse().unwrap();
    let second = lines.next().unwrap().unwrap();
    assert!(second.contains("SHA256:"), "{second}");
    assert!(data.join("class_host_ed25519").exists());

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let (handle, ok) = connect(addr, "서준", CODE).await;
        assert!(ok);
        let mut shell = Shell::open(&handle).await;
        shell.wait_for("[1/3]").await;
        shell.send(b"1\r").await;
        shell.wait_for("1/3 답함").await;
    });
    let mut log = Vec::new();
    for line in lines.by_ref().take(10) {
        let line = line.unwrap();
        let done = line.contains("서준 1번 답함");
        log.push(line);
        if done {
            break;
        }
    }
    assert!(log.iter().any(|l| l.contains("서준 1번 답함")), "{log:?}");
    let report = std::process::Command::new(bin)
        .arg("report")
        .arg(out.join("서준.json"))
        .env("GUREUM_DATA_DIR", &data)
        .env("GUREUM_CONFIG_DIR", dir.path().join("config"))
        .output()
        .unwrap();
    assert!(report.status.success());
    assert!(String::from_utf8_lossy(&report.stdout).contains("서준"));
    let _ = child.kill();
    let _ = child.wait();
}
