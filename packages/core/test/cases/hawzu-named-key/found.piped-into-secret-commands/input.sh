# The value is written first and piped into a command that stores it under a Hawzu name.
echo "FM0nvHdu0tTgSb80AFEZvcRQY3ugq1g3asvoEbzE" | gh secret set HAWZU_TOKEN
printf '%s' 'mhwPhTxXOzhMj96n48m8QQsGuQA8SLYTYSdBDlxW' | docker secret create hawzu_token -
echo -n EMc01yJGlvhV6Qu8duoT5GByaNKpgzRIY8Zz6pdR | npx wrangler secret put HAWZU_ACCESS_TOKEN
echo "YCRVb52Wk9KxMrwIFCtg8L9MYv2LzB7yuR2jIop1" | vercel env add HAWZU_TOKEN production
