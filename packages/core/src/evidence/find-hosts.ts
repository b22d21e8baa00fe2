import { isHawzuHost } from "./is-hawzu-host.js";

/** A host named in a text: in a URL, a Host header, or a bare api.* / *.com name. */
export interface HostMention {
  start: number;
  host: string;
  isHawzu: boolean;
}

// URLs (any scheme), `Host:` headers as curl -v and HTTP dumps print them, and bare host names.
const HOST_MENTION =
  /\b(?:https?|wss?):\/\/(?:[^\s/@"'`<>]{1,200}@)?([A-Za-z0-9.-]{1,253})|\bhost["']?\s*[:=]\s*["']?([A-Za-z0-9.-]{4,253})|\b((?:[A-Za-z0-9-]{1,63}\.)+(?:com|io|net|org|dev|app|cloud|co))\b/gi;

/** Every host mentioned in `text`, in order. */
export function findHosts(text: string): HostMention[] {
  const mentions: HostMention[] = [];
  HOST_MENTION.lastIndex = 0;
  for (let match = HOST_MENTION.exec(text); match; match = HOST_MENTION.exec(text)) {
    const host = (match[1] ?? match[2] ?? match[3] ?? "").toLowerCase();
    if (!host.includes(".") && host !== "localhost") continue;
    mentions.push({ start: match.index, host, isHawzu: isHawzuHost(host) });
  }
  return mentions;
}
