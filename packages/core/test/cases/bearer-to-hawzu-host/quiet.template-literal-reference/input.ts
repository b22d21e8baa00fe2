await fetch("https://api.hawzu.com/api/v1/me", {
  headers: { Authorization: `Bearer ${process.env.HAWZU_TOKEN}` },
});
