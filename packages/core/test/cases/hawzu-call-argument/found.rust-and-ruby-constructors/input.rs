// examples/upload.rs
let client = HawzuClient::new("tRxICV4HuS6DE5dAl8mTjN5JXagFJOMg");
# ruby: client = Hawzu::Client.new("sffjXi_hM_tRtYiYAYr28onktopDt2YaHuGpQo6V")
