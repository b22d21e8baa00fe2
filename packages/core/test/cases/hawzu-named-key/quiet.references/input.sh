export HAWZU_ACCESS_TOKEN=$HAWZU_ACCESS_TOKEN
export HAWZU_TOKEN="${HAWZU_TOKEN}"
HAWZU_TOKEN=$(vault kv get -field=token secret/qa/hawzu)
HAWZU_TOKEN=`cat /run/secrets/hawzu_token`
