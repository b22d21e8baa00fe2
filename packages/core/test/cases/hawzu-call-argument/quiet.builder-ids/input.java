// Builder steps that take ids, URLs and references: nothing to report.
HawzuClient client = HawzuClient.builder()
    .baseUrl("https://api.hawzu.com/api/v1/workspace/ws_0123456789abcdefghij")
    .workspaceId("ws_CoNGnhPlGkSmxJ8ITvYrSGSq")
    .token(System.getenv("HAWZU_TOKEN"))
    .build();
GithubClient gh = GithubClient.builder().token("EjbMUIItucQbV1Gi0rCnhUFRzRHoqgtYNRnp").build(); // not Hawzu
