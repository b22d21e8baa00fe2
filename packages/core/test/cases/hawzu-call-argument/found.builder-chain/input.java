// Builders of a Hawzu client take the token in a credential-named step.
HawzuClient client = HawzuClient.builder()
    .baseUrl("https://api.hawzu.com")
    .token("pQOVeHWrp9SbDbjtiMKpxthXj1gUZvtJ5eX6")
    .build();
HawzuClient other = new HawzuClient.Builder().setApiKey("Bm0Tggr2pxuuuAtGaAzFTGO7Fvengi8nXUgg").setTimeout(30).build();

// Rust
let client = HawzuClient::builder()
    .with_token("Ukk2bFKkQjSC9IloRQF3LqN8flbp4Z2STPs3")
    .build()?;
