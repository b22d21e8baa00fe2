-- Lua long strings hold a value without escapes, at any level of = signs
local settings = {
  hawzu_token = [[8Qrvj4pvsr4sT1pAQ555kpDh2oF1OcZSxWQVEN]],
  hawzu_api_token = [==[bJUR9PxC4GdFAPTlMRhfxTz9uORWbf00HZ7lbp]==],
}
