import axios from "axios";

export const hawzu = axios.create({
  baseURL: "https://app.hawzu.com/api/v1",
  timeout: 10_000,
  headers: { Authorization: "Bearer 8vWCzawYWoCjgofGvTcmx4CL575iKZAN" },
});
