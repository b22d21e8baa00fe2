;; No values here: references, short values, role keys, nested arrays
{:hawzu-token (System/getenv "HAWZU_TOKEN")
 :hawzu-token-url "https://api.hawzu.com/oauth/token"}
(def hawzu-tokens [["a" "b"]])
