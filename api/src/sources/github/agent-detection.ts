/**
 * Who wrote a change: a bot, an AI agent, or a person. Pure functions over plain data; the lists
 * are configuration with defaults.
 */
export const defaultAgentLogins = [
  'copilot',
  'copilot-swe-agent',
  'devin-ai-integration',
  'claude',
  'cursor',
  'codex',
  'chatgpt-codex-connector',
  'sweep-ai',
  'openhands-agent',
  'google-labs-jules',
];

/** Substrings of a co-author's name or email that mark an agent. */
export const defaultAgentCoAuthorMarks = [
  'copilot',
  'devin',
  'claude',
  'anthropic.com',
  'cursor',
  'codex',
  'openai.com',
  'sweep',
  'openhands',
  'aider',
  'jules',
];

export interface CoAuthor {
  name: string;
  email: string;
}

const trailerPattern = /^co-authored-by:\s*(.+?)\s*<([^>]+)>\s*$/gim;

/** `Co-authored-by: Name <email>` trailers of a commit message, in order. */
export function coAuthorsOf(message: string): CoAuthor[] {
  return [...message.matchAll(trailerPattern)].map((match) => ({
    name: match[1] ?? '',
    email: match[2] ?? '',
  }));
}

export function isBotLogin(login: string): boolean {
  return /\[bot\]$/i.test(login);
}

export interface AgentRules {
  agentLogins: string[];
  coAuthorMarks: string[];
}

export function agentRules(agentLogins?: string[]): AgentRules {
  return {
    agentLogins: (agentLogins ?? defaultAgentLogins).map((login) =>
      login.toLowerCase().replace(/\[bot\]$/, ''),
    ),
    coAuthorMarks: defaultAgentCoAuthorMarks,
  };
}

/**
 * A PR counts as agent-authored when its author is a bot or a configured agent login, or when
 * one of its commits carries an agent's Co-authored-by trailer.
 */
export function isAgentChange(
  author: { login: string; isBot: boolean } | null,
  commitMessages: string[],
  rules: AgentRules,
): boolean {
  if (author !== null) {
    const login = author.login.toLowerCase().replace(/\[bot\]$/, '');
    if (author.isBot || isBotLogin(author.login) || rules.agentLogins.includes(login)) return true;
  }
  return commitMessages.some((message) =>
    coAuthorsOf(message).some((coAuthor) => {
      const text = `${coAuthor.name} ${coAuthor.email}`.toLowerCase();
      return rules.coAuthorMarks.some((mark) => text.includes(mark));
    }),
  );
}
