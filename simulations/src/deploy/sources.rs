//! The pages each traffic-shifting rule comes from (`shared/reference/aws-facts.md`, section 3).

/// The predefined deployment configurations (nine Lambda, five ECS).
pub const CONFIGS: &str =
    "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html";
/// Canary, linear, all-at-once and blue/green as `CodeDeploy` defines them.
pub const TERMS: &str =
    "https://docs.aws.amazon.com/codedeploy/latest/userguide/primary-components.html";
/// Blue/green on Lambda and ECS: the new version next to the old one, then a traffic shift.
pub const BLUE_GREEN: &str = "https://docs.aws.amazon.com/codedeploy/latest/userguide/welcome.html";
/// Custom `TimeBasedCanary` (`CanaryPercentage`, `CanaryInterval` minutes).
pub const CUSTOM_CANARY: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentconfig-timebasedcanary.html";
/// Custom `TimeBasedLinear` (`LinearPercentage`, `LinearInterval` minutes).
pub const CUSTOM_LINEAR: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codedeploy-deploymentconfig-timebasedlinear.html";
/// SAM `DeploymentPreference`: types, alarms, `PreTraffic`/`PostTraffic` hooks, the
/// `ExecutedVersion` alarm example, "10% immediately, all after 10 minutes".
pub const SAM_GUIDE: &str = "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/automating-updates-to-serverless-apps.html";
/// Rollback = a new deployment of the last known good revision.
pub const ROLLBACK: &str = "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployments-rollback-and-redeploy.html";
/// `CloudWatch` alarms stop (and roll back) a deployment while it is in progress.
pub const CD_ALARMS: &str =
    "https://docs.aws.amazon.com/codedeploy/latest/userguide/monitoring-create-alarms.html";
/// Lambda alias weighted routing: probabilistic, one additional version.
pub const ALIAS_ROUTING: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html";
/// API Gateway stage canary: `percentTraffic`, random split.
pub const APIGW_CANARY: &str =
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html";
/// Promoting a canary does not disable it.
pub const APIGW_PROMOTE: &str =
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/promote-canary-deployment.html";
/// `PutMetricAlarm`: valid periods (10, 20, 30 or a multiple of 60), evaluation limits, M of N.
pub const CW_ALARM: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html";
/// How alarms evaluate datapoints and treat missing data.
pub const CW_EVALUATION: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html";
