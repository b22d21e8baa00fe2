// A bearer header written in a template literal: the backtick ends the token.
await fetch("https://api.hawzu.com/api/v1/me", { headers: { Authorization: `Bearer f0lWb5idu0QRXzrSegO1TvdTQ6MzsD3JEuBY` } });
