/** How messages and reports name an input: `file`, or `file!/member` for a path inside an archive. */
export function describeLocation(location: { file: string; member?: string | undefined }): string {
  return location.member ? `${location.file}!/${location.member}` : location.file;
}
