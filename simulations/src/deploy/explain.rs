//! The explanation trail of a deployment: one line per rule that shaped the result, in Korean
//! (해요체) and English, with the page each rule comes from. Assumptions are always stated.

use super::config::{AlarmMetric, DeployConfig, HookFail, Routing};
use super::engine::Raw;
use super::result::{Outcome, Reason};
use super::sources;
use super::strategy::{Kind, Platform, Strategy, pct};
use crate::Explanation;

fn line(rule: &str, ko: String, en: String, source: &str) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: Some(source.to_owned()),
    }
}

/// `1234567.0` -> `1,234,567`; fractions (expected-value view) keep one decimal.
pub(crate) fn num(v: f64) -> String {
    let whole = v.trunc() as u64;
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    let frac = v - v.trunc();
    if frac.abs() >= 0.05 {
        let tenth = format!("{frac:.1}");
        out.push_str(tenth.trim_start_matches('0'));
    }
    out
}

/// Seconds as `m:ss`.
pub fn clock(s: u64) -> String {
    format!("{}:{:02}", s / 60, s % 60)
}

fn metric_text(cfg: &DeployConfig, platform: Platform) -> (String, String) {
    let t = cfg.alarm_threshold;
    match cfg.alarm_metric {
        // An API Gateway canary reports its own metrics; there is no Lambda version dimension.
        AlarmMetric::NewVersionErrors if platform == Platform::ApiGateway => (
            format!(
                "카나리의 오류율(카나리 스테이지의 별도 지표) > {}%",
                pct(t * 100.0)
            ),
            format!(
                "the canary's error rate (the canary's own stage metrics) > {}%",
                pct(t * 100.0)
            ),
        ),
        AlarmMetric::NewVersionErrors => (
            format!(
                "새 버전의 오류율(ExecutedVersion 차원의 Errors ÷ Invocations) > {}%",
                pct(t * 100.0)
            ),
            format!(
                "the new version's error rate (Errors / Invocations with the ExecutedVersion dimension) > {}%",
                pct(t * 100.0)
            ),
        ),
        AlarmMetric::AliasErrors => (
            format!("별칭 전체(두 버전 합)의 오류율 > {}%", pct(t * 100.0)),
            format!(
                "the whole alias's error rate (both versions) > {}%",
                pct(t * 100.0)
            ),
        ),
        AlarmMetric::NewVersionLatency => (
            format!("새 버전의 평균 지연 시간 > {}ms", pct(t)),
            format!("the new version's mean latency > {} ms", pct(t)),
        ),
    }
}

fn value_text(cfg: &DeployConfig, v: f64) -> String {
    match cfg.alarm_metric {
        AlarmMetric::NewVersionLatency => format!("{v:.0}ms"),
        _ => format!("{:.1}%", v * 100.0),
    }
}

/// Builds the trail for a finished run.
pub(crate) fn explain(cfg: &DeployConfig, s: &Strategy, raw: &Raw) -> Vec<Explanation> {
    let mut out = Vec::with_capacity(12);
    strategy_lines(cfg, s, raw, &mut out);
    routing_line(cfg, raw, &mut out);
    alarm_lines(cfg, s, &mut out);
    outcome_lines(cfg, s, raw, &mut out);
    out
}

fn strategy_lines(cfg: &DeployConfig, s: &Strategy, raw: &Raw, out: &mut Vec<Explanation>) {
    let (ko, en) = s.describe();
    let source = match (s.platform, s.kind) {
        (Platform::ApiGateway, _) => sources::APIGW_CANARY,
        (_, Kind::BlueGreen { .. }) => sources::BLUE_GREEN,
        _ if s.name.starts_with("canary:") => sources::CUSTOM_CANARY,
        _ if s.name.starts_with("linear:") => sources::CUSTOM_LINEAR,
        _ => sources::CONFIGS,
    };
    out.push(line(
        "deploy.strategy",
        format!("{}: {ko}.", s.name),
        format!("{}: {en}.", s.name),
        source,
    ));
    let timeline: Vec<String> = raw
        .shift
        .iter()
        .map(|p| format!("{} {}%", clock(p.t_s), pct(p.new_percent)))
        .collect();
    out.push(line(
        "deploy.timeline",
        format!(
            "새 버전으로 가는 트래픽: {} (분:초). 카나리는 t=0에 X%, N분 뒤 나머지를 옮겨요(SAM 안내서: \"즉시 10%, 10분 뒤 전부\").",
            timeline.join(" → ")
        ),
        format!(
            "Traffic to the new version: {} (m:ss). A canary moves X% at t=0 and the rest after N minutes (SAM guide: \"10% immediately, all after 10 minutes\").",
            timeline.join(" -> ")
        ),
        sources::SAM_GUIDE,
    ));
    if let Kind::Linear { interval_min, .. } = s.kind {
        let full = raw.plan.shift_done - raw.plan.shift_start;
        out.push(line(
            "deploy.linear.assumption",
            format!(
                "가정: 선형 배포의 첫 증분도 t=0에 옮겨진다고 봤어요. AWS는 카나리만 이렇게 적고 있어서 선형은 같은 방식으로 추정했어요. 그래서 {interval_min}분 간격으로 {}에 100%가 돼요.",
                clock(full)
            ),
            format!(
                "Assumption: linear's first increment also moves at t=0. AWS states this for canary only; linear follows by analogy, so 100% is reached at {} with {interval_min} min steps.",
                clock(full)
            ),
            sources::TERMS,
        ));
    }
    if s.platform == Platform::ApiGateway {
        out.push(line(
            "deploy.apigw.promote",
            "승격(promote)하면 카나리 배포가 스테이지의 프로덕션 배포가 되지만, 카나리 설정이 꺼지지는 않아요. 카나리 설정을 지워야 해요.".to_owned(),
            "Promoting makes the canary deployment the stage's production deployment, but does not disable the canary: remove the canary settings for that.".to_owned(),
            sources::APIGW_PROMOTE,
        ));
        out.push(line(
            "deploy.apigw.rollback-assumption",
            "가정: API Gateway에는 CodeDeploy 같은 자동 롤백도, PreTraffic/PostTraffic 훅도 없어요. 이 모델은 알람이 울리면 여러분의 자동화가 곧바로 카나리 설정을 지운다고(percentTraffic 0) 가정해요.".to_owned(),
            "Assumption: API Gateway has no automatic rollback and no PreTraffic/PostTraffic hooks like CodeDeploy. The model assumes your own automation deletes the canary settings (percentTraffic 0) as soon as the alarm fires.".to_owned(),
            sources::APIGW_CANARY,
        ));
    }
    if cfg.pre_traffic_s > 0 || cfg.post_traffic_s > 0 || cfg.hook_fail != HookFail::None {
        out.push(line(
            "deploy.hooks",
            format!(
                "PreTraffic 훅은 트래픽을 옮기기 전에 {}초, PostTraffic 훅은 모두 옮긴 뒤 {}초 동안 실행돼요. 훅은 CodeDeploy에 성공/실패를 알려야 하고, 실패하면 롤백돼요.",
                cfg.pre_hook_s(),
                cfg.post_hook_s()
            ),
            format!(
                "The PreTraffic hook runs {} s before any traffic moves, the PostTraffic hook {} s after all of it moved. Each must report success or failure to CodeDeploy; a failure rolls back.",
                cfg.pre_hook_s(),
                cfg.post_hook_s()
            ),
            sources::SAM_GUIDE,
        ));
    }
}

fn routing_line(cfg: &DeployConfig, raw: &Raw, out: &mut Vec<Explanation>) {
    let first = raw
        .steps
        .iter()
        .find(|s| s.new_percent > 0.0 && s.new_percent < 100.0);
    match (cfg.routing, first) {
        (Routing::Sampled, Some(st)) => out.push(line(
            "deploy.routing.sampled",
            format!(
                "요청은 가중치에 따라 무작위로 나뉘어요. 가중치 {}%인 {}-{} 동안 요청 {}건 중 {}건({:.2}%)이 새 버전으로 갔어요. 트래픽이 적으면 실제 비율이 가중치와 꽤 달라질 수 있어요.",
                pct(st.new_percent),
                clock(st.from_s),
                clock(st.to_s),
                num(st.requests),
                num(st.requests_new),
                st.observed_percent
            ),
            format!(
                "Requests are split at random by weight. During {}-{} at weight {}%, {} of {} requests ({:.2}%) went to the new version. At low traffic the observed split can differ a lot from the weight.",
                clock(st.from_s),
                clock(st.to_s),
                pct(st.new_percent),
                num(st.requests_new),
                num(st.requests),
                st.observed_percent
            ),
            sources::ALIAS_ROUTING,
        )),
        (Routing::Sampled, None) => {}
        (Routing::Expected, _) => out.push(line(
            "deploy.routing.expected",
            "기댓값 보기: 요청 × 가중치, 요청 × 오류율을 그대로 써서 무작위 흔들림이 없어요(소수 요청도 나와요). 실제 라우팅은 무작위예요.".to_owned(),
            "Expected-value view: requests x weight and requests x error rate, with no random spread (fractions appear). Real routing is random.".to_owned(),
            sources::ALIAS_ROUTING,
        )),
    }
}

fn alarm_lines(cfg: &DeployConfig, s: &Strategy, out: &mut Vec<Explanation>) {
    if !cfg.alarm {
        out.push(line(
            "deploy.alarm.none",
            "CloudWatch 알람이 없어서 알람으로는 롤백되지 않아요(훅 실패만 롤백을 일으켜요)."
                .to_owned(),
            "No CloudWatch alarm: only a failing hook can roll back.".to_owned(),
            sources::CD_ALARMS,
        ));
        return;
    }
    let (mko, men) = metric_text(cfg, s.platform);
    let (tail_ko, tail_en) = if s.platform == Platform::ApiGateway {
        (
            "알람이 울리면 (가정한) 자동화가 카나리 설정을 지워요.",
            "When it fires, the (assumed) automation deletes the canary settings.",
        )
    } else {
        (
            "CodeDeploy는 배포가 진행되는 동안 알람이 울리면 배포를 멈추고 롤백해요.",
            "CodeDeploy stops and rolls back a deployment when an alarm fires while it is in progress.",
        )
    };
    out.push(line(
        "deploy.alarm.config",
        format!(
            "알람: {mko}. 기간 {}초, 최근 {}개 데이터포인트 중 {}개가 넘으면 ALARM이에요. {tail_ko}",
            cfg.alarm_period_s,
            cfg.alarm_evaluation_periods,
            cfg.datapoints()
        ),
        format!(
            "Alarm: {men}. Period {} s; ALARM when {} of the last {} datapoints breach. {tail_en}",
            cfg.alarm_period_s,
            cfg.datapoints(),
            cfg.alarm_evaluation_periods
        ),
        if s.platform == Platform::ApiGateway {
            sources::CW_ALARM
        } else {
            sources::CD_ALARMS
        },
    ));
    out.push(line(
        "deploy.alarm.assumption",
        "가정: 기간은 배포 시작 시각부터 잘라요(실제 CloudWatch는 시계의 분에 맞춰요). 지표 전달 지연은 0으로 봤고, 데이터가 없는 기간은 넘지 않은 것(notBreaching)으로 셌어요.".to_owned(),
        "Assumptions: periods start at the deployment's start (real CloudWatch aligns them to the clock), metric delivery has no delay, and a period without data counts as not breaching.".to_owned(),
        sources::CW_EVALUATION,
    ));
}

fn outcome_lines(cfg: &DeployConfig, s: &Strategy, raw: &Raw, out: &mut Vec<Explanation>) {
    let breach = raw
        .detected_at_s
        .and_then(|t| {
            raw.periods
                .iter()
                .rev()
                .find(|p| p.start_s < t && p.breaching)
        })
        .and_then(|p| p.value)
        .map(|v| value_text(cfg, v))
        .unwrap_or_default();
    match (raw.outcome, raw.reason) {
        (Outcome::RolledBack, Some(Reason::Alarm)) => {
            let at = raw.rolled_back_at_s.unwrap_or(0);
            out.push(line(
                "deploy.rollback.alarm",
                format!(
                    "{}에 알람이 ALARM이 됐어요(마지막 기간 {breach}). 배포가 아직 진행 중이라 멈추고 롤백했어요: 트래픽이 100% 이전 버전으로 돌아갔어요.",
                    clock(at)
                ),
                format!(
                    "At {} the alarm went to ALARM (last period {breach}). The deployment was still in progress, so it stopped and rolled back: 100% of traffic went back to the old version.",
                    clock(at)
                ),
                sources::CD_ALARMS,
            ));
        }
        (Outcome::RolledBack, Some(Reason::PreTrafficHook)) => out.push(line(
            "deploy.rollback.pre-hook",
            format!(
                "PreTraffic 훅이 {}에 실패를 알렸어요. 트래픽을 옮기기 전이라 새 버전은 요청을 하나도 받지 않았어요.",
                clock(raw.plan.shift_start)
            ),
            format!(
                "The PreTraffic hook reported failure at {}. No traffic had moved, so the new version served no request.",
                clock(raw.plan.shift_start)
            ),
            sources::SAM_GUIDE,
        )),
        (Outcome::RolledBack, Some(Reason::PostTrafficHook)) => out.push(line(
            "deploy.rollback.post-hook",
            format!(
                "PostTraffic 훅이 {}에 실패를 알렸어요. 그때는 이미 트래픽이 100% 새 버전으로 가 있었어요.",
                clock(raw.plan.post_end)
            ),
            format!(
                "The PostTraffic hook reported failure at {}, when 100% of traffic was already on the new version.",
                clock(raw.plan.post_end)
            ),
            sources::SAM_GUIDE,
        )),
        _ => {
            out.push(line(
                "deploy.succeeded",
                format!("배포가 {}에 끝났어요(성공).", clock(raw.duration_s)),
                format!("The deployment finished at {} (succeeded).", clock(raw.duration_s)),
                sources::TERMS,
            ));
            if let Some(at) = raw.detected_at_s {
                let (ko, en) = if s.platform == Platform::ApiGateway {
                    (
                        format!(
                            "알람은 {}에 울렸지만 카나리는 이미 {}에 승격됐어요. 이제는 카나리 설정을 지워도 소용없고, 스테이지를 이전 배포로 되돌려야 해요.",
                            clock(at),
                            clock(raw.duration_s)
                        ),
                        format!(
                            "The alarm fired at {}, but the canary was already promoted at {}. Deleting the canary settings no longer helps: point the stage back at the previous deployment.",
                            clock(at),
                            clock(raw.duration_s)
                        ),
                    )
                } else {
                    (
                        format!(
                            "알람은 {}에 울렸지만 배포는 이미 {}에 끝났어요. CodeDeploy는 배포 중에 울린 알람으로만 자동 롤백해요: 이제는 누군가 직접 되돌려야 해요.",
                            clock(at),
                            clock(raw.duration_s)
                        ),
                        format!(
                            "The alarm fired at {}, but the deployment had already ended at {}. CodeDeploy only rolls back on alarms during a deployment: now someone must roll back by hand.",
                            clock(at),
                            clock(raw.duration_s)
                        ),
                    )
                };
                out.push(line("deploy.alarm.after-end", ko, en, sources::CD_ALARMS));
            }
        }
    }
    if raw.outcome == Outcome::RolledBack {
        let (ko, en) = match (s.platform, s.kind) {
            (Platform::ApiGateway, _) => (
                "카나리 설정을 지우면 모든 요청이 다시 기존 프로덕션 배포로 가요.".to_owned(),
                "Deleting the canary settings sends every request back to the production deployment.".to_owned(),
            ),
            (_, Kind::BlueGreen { .. }) => (
                "블루/그린이라 이전 버전이 아직 떠 있어서 바로 되돌릴 수 있었어요. CodeDeploy의 롤백은 마지막 정상 리비전을 새 배포(새 배포 ID)로 다시 배포하는 거예요.".to_owned(),
                "Blue/green kept the old version running, so switching back was instant. A CodeDeploy rollback is a new deployment (new deployment ID) of the last known good revision.".to_owned(),
            ),
            _ => (
                "CodeDeploy의 롤백은 마지막 정상 리비전을 새 배포(새 배포 ID)로 다시 배포하는 거예요. 가정: 이 모델은 그 순간 트래픽이 100% 이전 버전으로 돌아간다고 봤어요.".to_owned(),
                "A CodeDeploy rollback is a new deployment (new deployment ID) of the last known good revision. Assumption: the model moves 100% of traffic back at that instant.".to_owned(),
            ),
        };
        out.push(line("deploy.rollback", ko, en, sources::ROLLBACK));
    }
    let release_bad =
        cfg.new_error_rate > cfg.old_error_rate || cfg.new_latency_ms > cfg.old_latency_ms;
    if !release_bad {
        return;
    }
    let (ttd_ko, ttd_en) = match (raw.detected_at_s, raw.bad_seen_at_s) {
        (Some(d), Some(b)) => {
            let gap = clock(d.saturating_sub(b));
            (
                format!(" 처음 만난 뒤 {gap} 만에 알람이 울렸어요."),
                format!(" The alarm fired {gap} after the first contact."),
            )
        }
        _ => (String::new(), String::new()),
    };
    out.push(line(
        "deploy.impact",
        format!(
            "불량 버전을 만난 요청은 {}건, 그중 오류가 {}건이에요(요청 하나를 사용자 한 명으로 셌어요).{ttd_ko}",
            num(raw.users_affected),
            num(raw.errors_bad),
        ),
        format!(
            "{} requests met the bad version and {} of them failed (one request = one user).{ttd_en}",
            num(raw.users_affected),
            num(raw.errors_bad),
        ),
        sources::SAM_GUIDE,
    ));
    if raw.outcome == Outcome::Succeeded {
        out.push(line(
            "deploy.observe.assumption",
            format!(
                "가정: 배포가 끝난 뒤에도 {}초 동안 지켜봤어요(누군가 알아채고 되돌리기까지의 시간). 그동안 불량 버전이 모든 요청을 받았어요.",
                cfg.observe_s
            ),
            format!(
                "Assumption: the model keeps watching {} s after the deployment ended (until someone notices and rolls back); the bad version served every request meanwhile.",
                cfg.observe_s
            ),
            sources::ROLLBACK,
        ));
    }
}
