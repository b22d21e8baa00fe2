npx hawzu-cli login --token "$HAWZU_TOKEN"
hawzu-upload --workspace ws_001 --api-key ${{ secrets.HAWZU_TOKEN }} results/*.xml
