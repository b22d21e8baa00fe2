import { compactKey } from "./compact-key.js";
import { rememberAnswers } from "./remember-answers.js";

// Vendors whose credentials live next to Hawzu's, notably in Hawzu's own integration settings
// (HAWZU.md: Jira, GitHub, GitLab, Azure DevOps, Linear, Slack). A key naming one holds their token.
const OTHER_VENDOR_WORD =
  /jira|atlassian|confluence|github|gitlab|bitbucket|azure|devops|linear|slack|aws|amazon|stripe|google|gcp|openai|anthropic|sentry|datadog|npm|docker|sonar|okta|twilio|sendgrid|mailgun|heroku|vercel|netlify|circleci|travis|jenkins|teams|discord|pagerduty|newrelic|firebase|supabase|cloudflare|digitalocean|shopify|paypal|openid|oauth2?client/;

/** True when a key or section name names another vendor (`hawzu.integrations.jira.token`). */
export const namesOtherVendor: (name: string) => boolean = rememberAnswers((name) => OTHER_VENDOR_WORD.test(compactKey(name)));
