import { describe, expect, it } from 'vitest';
import { folderNameFromUrl, suggestedCloneFolder } from '../../../renderer/src/git/clone-folder';

describe('folderNameFromUrl', () => {
  it('takes the repository name without .git', () => {
    expect(folderNameFromUrl('https://git.example.com/team/essays.git')).toBe('essays');
    expect(folderNameFromUrl('http://127.0.0.1:8080/articles/')).toBe('articles');
    expect(folderNameFromUrl('https://host/My%20Notes.git')).toBe('My Notes');
  });
  it('suggests nothing for an address without a usable name', () => {
    expect(folderNameFromUrl('not a url')).toBeNull();
    expect(folderNameFromUrl('https://host/')).toBeNull();
    expect(folderNameFromUrl('https://host/a%2Fb.git')).toBeNull();
  });
});

describe('suggestedCloneFolder', () => {
  it('puts the clone beside the library open now, else in the home folder', () => {
    expect(suggestedCloneFolder('https://h/t/essays.git', '/home/ann/Articles')).toBe('/home/ann/essays');
    expect(suggestedCloneFolder('https://h/t/essays.git', 'C:\\Users\\ann\\Articles')).toBe(
      'C:\\Users\\ann\\essays',
    );
    expect(suggestedCloneFolder('https://h/t/essays.git', null)).toBe('~/essays');
    expect(suggestedCloneFolder('', '/home/ann/Articles')).toBe('');
  });
});
