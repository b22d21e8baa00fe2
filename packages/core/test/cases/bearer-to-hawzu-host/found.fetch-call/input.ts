export async function whoAmI() {
  const response = await fetch("https://api.hawzu.com/api/v1/me", {
    headers: {
      Authorization: "Bearer 180VWBufalJJuLCiMoYpBwrnZyjnWeOfZnGv",
      Accept: "application/json",
    },
  });
  return response.json();
}
