export const settings = {
  hawzuApiToken: "O6Z5tHcQWnx9e9mwcHYJsPU0huta7qPcIU1lUqjo" as const,
  retries: 3,
};
