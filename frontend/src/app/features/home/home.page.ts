import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { visibleNavItems } from '../../core/layout/nav-items';
import { Health, HealthApi } from './health.api';

type DayPart = 'morning' | 'afternoon' | 'evening';

export function dayPart(hour: number): DayPart {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  return 'evening';
}

/** Role-aware start page: who you are, what you can reach, how the platform is doing. */
@Component({
  selector: 'app-home-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    RouterLink,
    TranslocoPipe,
    ApiErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home.page.html',
  styleUrl: './home.page.scss',
})
export class HomePage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly healthApi = inject(HealthApi);

  protected readonly user = this.auth.user;
  protected readonly greetingKey = `home.greeting.${dayPart(new Date().getHours())}`;
  protected readonly areas = computed(() =>
    visibleNavItems(this.auth.permissions()).filter((item) => item.key !== 'home'),
  );
  protected readonly permissions = computed(() => [...this.auth.permissions()].sort());

  protected readonly health = signal<Health | null>(null);
  protected readonly healthError = signal<unknown>(null);
  protected readonly healthLoading = signal(false);

  ngOnInit(): void {
    this.loadHealth();
  }

  protected loadHealth(): void {
    this.healthLoading.set(true);
    this.healthError.set(null);
    this.healthApi.get().subscribe({
      next: (health) => {
        this.health.set(health);
        this.healthLoading.set(false);
      },
      error: (err: unknown) => {
        this.health.set(null);
        this.healthError.set(err);
        this.healthLoading.set(false);
      },
    });
  }
}
