/** Whether a path given to scan names an S3 bucket or prefix (`s3://bucket/prefix`). */
export const isS3Url = (text: string): boolean => /^s3:\/\//i.test(text);
