import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a long phrase of unrelated words', () => {
    expect(passwordProblem('violet harbour lantern 4417')).toBeUndefined();
  });

  it('refuses fewer than 12 characters, counting characters rather than bytes', () => {
    expect(passwordProblem('short phrase')).toBeUndefined();
    expect(passwordProblem('shortphrase')).toMatch(/at least 12/);
    expect(passwordProblem('жылдамкүзгі')).toMatch(/at least 12/);
  });

  it('refuses listed passwords, whatever their case, and listed ones padded with digits or punctuation', () => {
    for (const listed of [
      'qwertyuiop123',
      'QWERTY123456',
      'password1234',
      'sunshine2024!!',
      '!!dragon123456',
    ]) {
      expect(passwordProblem(listed)).toMatch(/common or breached/);
    }
    expect(passwordProblem('aaaaaaaaaaaaaaaa')).toMatch(/common or breached/);
  });

  it("refuses a password containing the person's sign-in name or name", () => {
    expect(passwordProblem('aigerim-and-the-river', { login: 'Aigerim' })).toMatch(/sign-in name/);
    expect(passwordProblem('river of daniyar 77', { name: 'Daniyar' })).toMatch(/your name/);
  });

  it('never quotes the password', () => {
    expect(passwordProblem('password1234')).not.toContain('password1234');
  });
});
