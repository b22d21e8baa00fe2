# References, placeholders and values that are not piped into a storing command.
echo "$HAWZU_TOKEN" | gh secret set HAWZU_TOKEN
echo "${{ secrets.HAWZU_TOKEN }}" | gh secret set HAWZU_TOKEN
echo changeme-please | gh secret set HAWZU_TOKEN
echo "$(vault read -field=token secret/hawzu)" | gh secret set HAWZU_TOKEN
echo "izvL3QO73B9R8tBnJxF4cmVnFlCIYC6G7JpqOYyG" | grep HAWZU_TOKEN
echo "build oCx5ViBFmyGh0PMjopTZCOWivHHSbGwzCRKhegid" | gh secret set HAWZU_TOKEN
