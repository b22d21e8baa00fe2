const token = process.env.HAWZU_TOKEN ?? "aWDwDEBkYwq1nfUlV8WUqbcmOXgGk31Z";
const legacy = process.env.HAWZU_ACCESS_TOKEN || '2LVH4JA5ovDpBYBoIGD1K27-l7CKMI_tZBSHjl2i';
