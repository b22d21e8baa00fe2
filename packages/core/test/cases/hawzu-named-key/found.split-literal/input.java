// A literal split in parts, each too short to look like a token on its own.
private static final String HAWZU_TOKEN = "ffDfDTsAG2MUwNxYuB" +
    "vGF0uGHQy0WhErLyhe";
// PHP: $hawzuToken = "VEVgetMmNfq8qqh1yG" . "wBEOPrGd3dLGbxVcuR";
// Lua: local hawzu_token = "cnACE5H1HqlQp2rvC7" .. "0GHkhgiNcQV7o7ShnR"
