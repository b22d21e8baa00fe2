// Other vendors' credentials have published formats; they are never Hawzu tokens, even when they
// sit in a Hawzu integration's settings (HAWZU.md: Jira, GitHub, GitLab, Azure DevOps, Linear,
// Slack). Sources: each vendor's token-format documentation, as collected by gitleaks' rules.
const OTHER_VENDOR_TOKEN = new RegExp(
  "^(?:" +
    [
      "gh[pousr]_[A-Za-z0-9]{30,}", // GitHub
      "github_pat_[A-Za-z0-9_]{30,}",
      "glpat-[A-Za-z0-9_\\-]{20,}", // GitLab
      "gl(?:dt|ptt|rt|cbt|soat|ft|imt|agent|oas)-",
      "(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}$", // AWS access key id
      "(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}", // Stripe
      "whsec_", // Stripe webhook
      "xox[abposr]-[A-Za-z0-9-]{10,}", // Slack
      "xapp-\\d-", // Slack app
      "ATATT3[A-Za-z0-9_\\-=]{20,}", // Atlassian (Jira) API token
      "ATCTT3", // Atlassian
      "lin_(?:api|oauth)_[A-Za-z0-9]{20,}", // Linear
      "AIza[0-9A-Za-z_\\-]{35}", // Google API key
      "ya29\\.", // Google OAuth
      "SG\\.[A-Za-z0-9_\\-]{16,}\\.[A-Za-z0-9_\\-]{16,}", // SendGrid
      "npm_[A-Za-z0-9]{36}", // npm
      "pypi-AgE", // PyPI
      "hf_[A-Za-z0-9]{30,}", // Hugging Face
      "sk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{20,}", // OpenAI, Anthropic
      "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}", // Shopify
      "dop_v1_", // DigitalOcean
      "dp\\.(?:pt|st)\\.", // Doppler
      "sq0(?:atp|csp)-", // Square
      "EAA[A-Za-z0-9]{30,}", // Meta
      "AccountKey=", // Azure storage
    ].join("|") +
    ")",
);

// An Azure DevOps PAT is 52 lower-case base32 characters, or 84 characters ending in "AZDO".
const AZURE_DEVOPS_PAT = /^(?:[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})$/;

/** True when the value has another vendor's published token format. */
export function isOtherVendorToken(value: string): boolean {
  return OTHER_VENDOR_TOKEN.test(value) || AZURE_DEVOPS_PAT.test(value);
}
