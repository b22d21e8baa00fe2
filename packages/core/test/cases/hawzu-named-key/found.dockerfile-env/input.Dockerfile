FROM node:20-slim
WORKDIR /app
COPY . .
ENV HAWZU_TOKEN NP7huTlnCWudWEe6N7emOa6HviTRQ3Dv
ENV HAWZU_API_URL=https://api.hawzu.com
CMD ["node", "upload.js"]
