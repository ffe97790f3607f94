// S3's IAM actions, with the resource each is authorized on, for checks that probe what a policy
// allows ("nothing broader"): a wildcard such as s3:Put* is judged by the real actions it reaches.
// From the Service Authorization Reference (actions defined by Amazon S3):
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
// Account-level actions take no resource ARN, so IAM evaluates them against "*".

export type S3ResourceType = 'object' | 'bucket' | 'account';

const object = [
  'AbortMultipartUpload', 'BypassGovernanceRetention', 'DeleteObject', 'DeleteObjectTagging', 'DeleteObjectVersion',
  'DeleteObjectVersionTagging', 'GetObject', 'GetObjectAcl', 'GetObjectAttributes', 'GetObjectLegalHold',
  'GetObjectRetention', 'GetObjectTagging', 'GetObjectTorrent', 'GetObjectVersion', 'GetObjectVersionAcl',
  'GetObjectVersionAttributes', 'GetObjectVersionForReplication', 'GetObjectVersionTagging', 'GetObjectVersionTorrent',
  'InitiateReplication', 'ListMultipartUploadParts', 'ObjectOwnerOverrideToBucketOwner', 'PutObject', 'PutObjectAcl',
  'PutObjectLegalHold', 'PutObjectRetention', 'PutObjectTagging', 'PutObjectVersionAcl', 'PutObjectVersionTagging',
  'ReplicateDelete', 'ReplicateObject', 'ReplicateTags', 'RestoreObject',
];

const bucket = [
  'CreateBucket', 'DeleteBucket', 'DeleteBucketOwnershipControls', 'DeleteBucketPolicy', 'DeleteBucketWebsite',
  'GetAccelerateConfiguration', 'GetAnalyticsConfiguration', 'GetBucketAcl', 'GetBucketCORS', 'GetBucketLocation',
  'GetBucketLogging', 'GetBucketNotification', 'GetBucketObjectLockConfiguration', 'GetBucketOwnershipControls',
  'GetBucketPolicy', 'GetBucketPolicyStatus', 'GetBucketPublicAccessBlock', 'GetBucketRequestPayment',
  'GetBucketTagging', 'GetBucketVersioning', 'GetBucketWebsite', 'GetEncryptionConfiguration',
  'GetIntelligentTieringConfiguration', 'GetInventoryConfiguration', 'GetLifecycleConfiguration',
  'GetMetricsConfiguration', 'GetReplicationConfiguration', 'ListBucket', 'ListBucketMultipartUploads',
  'ListBucketVersions', 'PutAccelerateConfiguration', 'PutAnalyticsConfiguration', 'PutBucketAcl', 'PutBucketCORS',
  'PutBucketLogging', 'PutBucketNotification', 'PutBucketObjectLockConfiguration', 'PutBucketOwnershipControls',
  'PutBucketPolicy', 'PutBucketPublicAccessBlock', 'PutBucketRequestPayment', 'PutBucketTagging',
  'PutBucketVersioning', 'PutBucketWebsite', 'PutEncryptionConfiguration', 'PutIntelligentTieringConfiguration',
  'PutInventoryConfiguration', 'PutLifecycleConfiguration', 'PutMetricsConfiguration', 'PutReplicationConfiguration',
];

const account = [
  'CreateJob', 'GetAccountPublicAccessBlock', 'ListAccessPoints', 'ListAllMyBuckets', 'ListJobs',
  'PutAccountPublicAccessBlock',
];

export const s3Actions: { action: string; on: S3ResourceType }[] = [
  ...object.map((name) => ({ action: `s3:${name}`, on: 'object' as const })),
  ...bucket.map((name) => ({ action: `s3:${name}`, on: 'bucket' as const })),
  ...account.map((name) => ({ action: `s3:${name}`, on: 'account' as const })),
];
