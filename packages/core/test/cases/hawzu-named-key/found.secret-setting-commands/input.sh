aws ssm put-parameter --name /ci/hawzu-token --type SecureString --value hR5fpRQYVktul9Uu1MnGLNHNHMcaje5WH0EoqT0B --overwrite
az keyvault secret set --vault-name ci-kv --name hawzu-token --value "9Gelwdsl6N59FWvL5qnMx1urGw0a19Kw6qulZyBU"
gh secret set HAWZU_TOKEN --body "quKaoZKrjCm9Qi3nAnTuAr01qgC0avz17OBed2ta"
flyctl secrets set HAWZU_TOKEN=VKu7FXhfoGKJ2HMDhDEvC4WJbPPMalNHDydbiqWG
heroku config:set HAWZU_ACCESS_TOKEN=eQhD7sHrrNpQKhKp8AsLCXWxG4FJZ06XbQ6T1q7j -a qa-uploader
kubectl create secret generic uploader --from-literal=HAWZU_TOKEN=Mo52UXgSlufNYfzdv1Q93OeoKbXgSzmRJfrvChX6
setx HAWZU_TOKEN "iXZVniUnQiObkKzkSgJgPgeAeNStaYKNWqXJj1MH"
$env:HAWZU_ACCESS_TOKEN = "SCkYCRBp7jlFeA6rd0PQ4AT0xsjiGMlG5JB5as3C"
[Environment]::SetEnvironmentVariable("HAWZU_TOKEN", "N7XHSFn5Z1lWWgqgRPhp52sO0jDPsFPkLvxtd9iM", "User")
