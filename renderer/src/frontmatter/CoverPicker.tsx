import { useEffect, useState, type ReactElement } from 'react';
import { api, assetBase } from '../api';
import { relativeToArticle } from './cover-path';

/** Props of {@link CoverPicker}. */
export interface CoverPickerProps {
  readonly inputId: string;
  readonly value: string;
  /** The open article's library path: covers are written relative to its folder. */
  readonly articlePath: string;
  readonly disabled: boolean;
  readonly describedBy?: string;
  readonly onChange: (value: string, kind: 'typing' | 'change') => void;
}

function thumbnailUrl(articlePath: string, value: string): string | null {
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//') || value.includes('\\'))
    return null;
  return assetBase(articlePath) + value.split('/').map(encodeURIComponent).join('/');
}

/**
 * The cover image field: a path box with a thumbnail, and a grid of the library's images to
 * pick from (thumbnails through the same confined asset route as the preview).
 */
export function CoverPicker({
  inputId,
  value,
  articlePath,
  disabled,
  describedBy,
  onChange,
}: CoverPickerProps): ReactElement {
  const [open, setOpen] = useState(false);
  const [images, setImages] = useState<string[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!open || images !== null) return;
    api.listImages({}).then(setImages, () => setImages([]));
  }, [open, images]);
  const thumb = thumbnailUrl(articlePath, value);
  return (
    <div className="folio-cover">
      <div className="folio-cover-row">
        {thumb && failed !== thumb ? (
          <img className="folio-cover-thumb" src={thumb} alt="" onError={() => setFailed(thumb)} />
        ) : (
          <span className="folio-cover-thumb folio-cover-none" aria-hidden="true" />
        )}
        <input
          id={inputId}
          type="text"
          value={value}
          disabled={disabled}
          aria-describedby={describedBy}
          placeholder="images/cover.jpg"
          onChange={(event) => onChange(event.target.value, 'typing')}
        />
        <button type="button" disabled={disabled} aria-expanded={open} onClick={() => setOpen(!open)}>
          Choose…
        </button>
      </div>
      {open && (
        <div className="folio-cover-grid" role="listbox" aria-label="Images in the library">
          {images === null && <p>Loading images…</p>}
          {images?.length === 0 && <p>No images in this library yet.</p>}
          {images?.map((image) => {
            const relative = relativeToArticle(articlePath, image);
            return (
              <button
                type="button"
                role="option"
                aria-selected={relative === value}
                key={image}
                title={image}
                onClick={() => {
                  onChange(relative, 'change');
                  setOpen(false);
                }}
              >
                <img src={thumbnailUrl(articlePath, relative) ?? ''} alt="" loading="lazy" />
                <span>{image.slice(image.lastIndexOf('/') + 1)}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
