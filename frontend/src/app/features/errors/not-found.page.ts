import { ChangeDetectionStrategy, Component } from '@angular/core';
import { StatusMessageComponent } from './status-message.component';

@Component({
  selector: 'app-not-found-page',
  imports: [StatusMessageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-status-message
    icon="info"
    titleKey="status.notFoundTitle"
    messageKey="status.notFoundMessage"
    testId="not-found"
  />`,
})
export class NotFoundPage {}
