import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One human (or bot) across tools: GitHub and Jira identities point at a person once merged. */
@Entity({ name: 'person' })
export class Person {
  /** Deterministic: derived from the first identity merged into it (e.g. `person:github:octocat`). */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'is_bot', type: 'boolean', default: false })
  isBot: boolean;
}
