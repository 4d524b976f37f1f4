import { countClarifyingQuestions } from './count-clarifications';

const at = (day: number): Date => new Date(Date.UTC(2025, 0, day));

describe('countClarifyingQuestions', () => {
  const agents = new Set(['renovate-helper']);
  const question = 'Should archived accounts also be included in the export, per the spec?';

  it('counts requirement questions from others, and those asked before the merge', () => {
    const count = countClarifyingQuestions(
      [
        { authorLogin: 'reviewer', body: question, at: at(2) },
        { authorLogin: 'pm', body: 'What should happen when the user has no email?', at: at(5) },
        {
          authorLogin: 'reviewer',
          body: 'Could you add a unit test for this function?',
          at: at(3),
        },
        { authorLogin: 'reviewer', body: 'LGTM', at: at(3) },
      ],
      { authorLogin: 'author', before: at(4) },
      agents,
    );
    expect(count).toEqual({ questions: 2, questionsBefore: 1, firstAskedAt: at(2) });
  });

  it('ignores the author, [bot] logins and configured agents', () => {
    const count = countClarifyingQuestions(
      [
        { authorLogin: 'Author', body: question, at: at(2) },
        { authorLogin: 'dependabot[bot]', body: question, at: at(2) },
        { authorLogin: 'renovate-helper', body: question, at: at(2) },
      ],
      { authorLogin: 'author', before: null },
      agents,
    );
    expect(count).toEqual({ questions: 0, questionsBefore: 0, firstAskedAt: null });
  });

  it('counts every question as before when there is no cut-off', () => {
    const count = countClarifyingQuestions(
      [{ authorLogin: null, body: question, at: at(9) }],
      { authorLogin: null, before: null },
      agents,
    );
    expect(count.questionsBefore).toBe(1);
  });
});
