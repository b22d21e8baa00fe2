aws ssm put-parameter --name /ci/hawzu-token --type SecureString --value "$HAWZU_TOKEN" --overwrite
az keyvault secret set --vault-name ci-kv --name hawzu-token --file ./token.txt
gh secret set HAWZU_TOKEN --body "${{ secrets.HAWZU_TOKEN }}"
flyctl secrets set HAWZU_TOKEN=$(cat /run/secrets/hawzu_token)
setx HAWZU_TOKEN "%HAWZU_TOKEN_FROM_VAULT%"
