import { saveFile } from './save-file';

describe('saveFile', () => {
  it('clicks a download link to an object URL named after the file', () => {
    const clicked: { href: string; download: string }[] = [];
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:report';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    const doc = { createElement: () => ({ href: '', download: '', click() { clicked.push({ href: this.href, download: this.download }); } }) } as unknown as Document;
    saveFile(new Blob(['%PDF']), 'report.pdf', doc);
    expect(clicked).toEqual([{ href: 'blob:report', download: 'report.pdf' }]);
  });
});
