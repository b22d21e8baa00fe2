// C# casts and verbatim strings in parentheses.
var hawzuToken = (string)"tZEmbHeJQz5SKNEskpUiCeiVAtZJXeUKUWt2";
string HawzuApiKey = (@"pcT6HJviqAOpTwlyPfU5yq6WmaDJCZtpT5wy");
