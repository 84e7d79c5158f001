//! The AWS pages each CloudFormation rule comes from (aws-facts.md, section 4).

/// The three update behaviours; adding or removing a replacement property also replaces.
pub const UPDATE_BEHAVIORS: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html";
/// Custom names block replacement.
pub const CUSTOM_NAME: &str =
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html";
/// `DeletionPolicy` (values, RDS default Snapshot, types that support Snapshot).
pub const DELETION_POLICY: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html";
/// `UpdateReplacePolicy` (the old copy during a replacement; Snapshot falls back to Delete).
pub const UPDATE_REPLACE_POLICY: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-updatereplacepolicy.html";
/// Stack policies.
pub const STACK_POLICY: &str =
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/protect-stack-resources.html";
/// Change sets: `Replacement`, `RequiresRecreation`, `Dynamic` evaluation.
pub const RESOURCE_CHANGE: &str =
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html";
/// Resource provider schemas (`createOnlyProperties`).
pub const SCHEMAS: &str =
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-type-schemas.html";
/// The DynamoDB table resource (one GSI added or deleted per update).
pub const DYNAMODB_TABLE: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html";
/// The AWS SAM transform.
pub const SAM_TRANSFORM: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-serverless.html";
/// The EC2 instance resource (`InstanceType`: stop/start when EBS-backed, replacement when the
/// root volume is instance store).
pub const EC2_INSTANCE: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html";
