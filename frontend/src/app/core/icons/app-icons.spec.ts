import { TestBed } from '@angular/core/testing';
import { MatIconRegistry } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';
import { NAV_ITEMS } from '../layout/nav-items';
import { APP_ICON_NAMES, iconSvg, provideAppIcons } from './app-icons';
import { provideHttpClient } from '@angular/common/http';

describe('app icons', () => {
  it('has an icon for every nav entry', () => {
    for (const item of NAV_ITEMS) expect(APP_ICON_NAMES).toContain(item.icon);
  });

  it('refuses unknown icons', () => {
    expect(() => iconSvg('nope')).toThrow();
  });

  it('registers icons with the Material registry', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideAppIcons()] });
    const registry = TestBed.inject(MatIconRegistry);
    const svg = await firstValueFrom(registry.getNamedSvgIcon('eco'));
    expect(svg.tagName.toLowerCase()).toBe('svg');
  });
});
