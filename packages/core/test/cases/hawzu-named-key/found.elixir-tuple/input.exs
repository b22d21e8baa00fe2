# Elixir: a keyword list written as tuples
config :uploader, [{:hawzu_token, "KzFN67DdJq6ubx2jmgUzD7B7HvPpejTDcWhQUc"}]
