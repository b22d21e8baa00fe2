// C# auto-properties with an initialiser
public string HawzuToken { get; set; } = "GHRrucfAcshMeMyyoDtLhkYdHmV8ulrp7Evz";
public static string HawzuApiKey { get; } = "0UDP9GfFh9PLOzil7GIS6qlkXMwEGZ7UgMpZ";
