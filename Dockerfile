# The worker image: the same sources and the same `filings` command as on a developer's machine.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY parsers ./parsers
COPY src ./src
COPY workers ./workers
ENV NODE_ENV=production
CMD ["node", "bin/filings.js", "worker"]
