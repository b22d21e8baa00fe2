docker run --rm \
  -e HAWZU_ACCESS_TOKEN=CQYQ3aEvGcS4_qbe_4srp92yjM-B5e1t8XHeo5Ce \
  -e HAWZU_WORKSPACE_ID=ws_001 \
  qa/uploader:latest
